"""The yearly SAKIP evaluation (LKE) in the web application: docs/lke.md, "In the web
application"."""
