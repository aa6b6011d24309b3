"""One module per part of the LKjIP, each turning the context into chapters of the document."""
