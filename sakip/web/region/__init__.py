"""The region admin's pages over all agencies at once (the region entry workbook)."""
