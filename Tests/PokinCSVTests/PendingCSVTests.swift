// CSV tests arrive with the CSV reader (issue 5).
