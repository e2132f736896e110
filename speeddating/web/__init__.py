"""The organiser's web page (`speeddating serve`): FastAPI, Jinja2 templates and htmx, on 127.0.0.1 only."""
