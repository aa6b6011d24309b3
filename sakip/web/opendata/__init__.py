"""Open data: every published agency-year as JSON and CSV, at stable addresses built from codes
(docs/opendata.md). Not a Django app: no models; views, URLs and the shaping of the files."""
