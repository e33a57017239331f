"""Everything that writes: hand-ins, reviews, feedback read."""
