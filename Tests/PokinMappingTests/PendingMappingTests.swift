// Mapping tests arrive with the mapping layer (issue 6).
