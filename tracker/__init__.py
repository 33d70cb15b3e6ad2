"""Spine Journal: a private journal and symptom tracker for people with cancer in the spine."""

__version__ = "0.1.0"
APP_NAME = "Spine Journal"
