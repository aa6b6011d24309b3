"""The planning pages of issue 13: the region's RPJMD, the pohon kinerja, the Renstra view, the
indicator definition sheets (manual indikator), the Perjanjian Kinerja of every level and the
kerangka logis checks. Each page lives in its own module; ``urls.py`` mounts them."""
