"""PDF filings of the separate-asset-management process (reportlab; no Qt)."""
