"""spaCy components: matchers write candidates, the resolver decides, facts link."""
