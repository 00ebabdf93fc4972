"""The Discord-free core: knowledge model, matching, answers and storage."""
