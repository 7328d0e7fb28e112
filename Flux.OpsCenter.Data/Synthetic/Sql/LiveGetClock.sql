-- grain: one row, the data's "now" and its latest load hour, where the simulated clock resumes
SELECT AS_OF, LATEST_LOAD_HOUR FROM APPLICATIONS.FLUX_DATA_CLOCK
