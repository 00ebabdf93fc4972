"""What tests and benchmarks share, so neither imports the other: the Discord API emulator
(`testkit.emulator`) and the labelled question sets with the figures computed on them
(`testkit.labelled`, `testkit.perturb`). Not part of the installed bot."""
