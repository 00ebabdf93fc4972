"""The public knowledge site: one static page per entry, with schema.org ClaimReview markup.

Built from the live knowledge base through the Engine; front ends only need `urls`.
"""
