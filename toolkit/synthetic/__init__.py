"""Labelled synthetic corpora for measuring duplicate and story grouping (`toolkit synth`)."""
