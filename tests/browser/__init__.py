"""Helpers for tests that drive Debian's headless Chromium through Playwright."""
