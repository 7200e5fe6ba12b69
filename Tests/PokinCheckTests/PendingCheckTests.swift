// Checker tests arrive with issue 8.
