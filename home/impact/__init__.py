"""The impact page's figures: indicators (queries), charts (SVG), blocks and open data."""
