"""Read functions, one per question, shared by the pages and the API."""
