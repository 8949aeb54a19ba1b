"""Reading pages, one module per section of the site."""
