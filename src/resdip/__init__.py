"""resdip: a knowledge graph of Japan's resource-diplomacy network."""

__version__ = "0.1.0"
