"""Write services, one module per thing they change: articles, facts, leaders, merges,
history, offices."""
