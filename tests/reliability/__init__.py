"""Reliability: bad files, full disks, killed writers, fuzzed commands."""
