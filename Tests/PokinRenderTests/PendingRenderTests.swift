// Render tests arrive with issue 9.
