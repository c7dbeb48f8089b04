"""What a record is, below the pydantic models: kinds, value arithmetic, the canonical
form, the JSON Schemas and the fast validators built from the models' core schemas."""
