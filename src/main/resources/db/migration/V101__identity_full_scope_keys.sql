-- identity: the order and report permissions are new (back office). Secret API keys that held every permission
-- before keep full access (routes outside the Admin API's permission table need every permission); keys with a
-- narrower scope are left as they are.
update identity.secret_api_key
   set scopes = scopes || array['ORDERS_READ', 'ORDERS_WRITE', 'REPORTS_READ']
 where scopes @> array['CATALOG_READ', 'CATALOG_WRITE', 'PRICING_WRITE', 'PROMOTIONS_WRITE', 'FILES_WRITE',
                       'CUSTOMERS_READ', 'SETTINGS_WRITE']
   and not scopes @> array['ORDERS_READ'];
