-- identity: fulfilling orders is a new permission (fulfilments and labels). As in V101, secret API keys that held
-- every permission keep full access; keys with a narrower scope are left as they are.
update identity.secret_api_key
   set scopes = scopes || array['ORDERS_FULFILL']
 where scopes @> array['CATALOG_READ', 'CATALOG_WRITE', 'PRICING_WRITE', 'PROMOTIONS_WRITE', 'FILES_WRITE',
                       'CUSTOMERS_READ', 'SETTINGS_WRITE', 'ORDERS_READ', 'ORDERS_WRITE', 'REPORTS_READ']
   and not scopes @> array['ORDERS_FULFILL'];
