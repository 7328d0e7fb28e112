-- grain: one customer account by id (any case) with its service address, class and critical-care flag, for the map's customer card
SELECT c.CUSTOMER_ID, c.FULL_NAME, c.SERVICE_ADDRESS, c.CITY, c.STATE, c.ZIP_CODE, c.CUSTOMER_SEGMENT, c.ACCOUNT_STATUS,
       c.IS_CRITICAL_CARE, c.ACCOUNT_OPENED, c.METER_ID, c.TRANSFORMER_ID, c.CIRCUIT_ID, c.SUBSTATION_ID
FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
WHERE UPPER(c.CUSTOMER_ID) = UPPER(?)
