-- Listings filtered or sorted by price work out each variant's price in the region (PriceCalculator.listingPrice):
-- one index-only probe per variant and currency instead of reading the price rows.
create index price_listing_idx on pricing.price (variant_id, currency_code)
    include (amount, region_id, price_list_id, min_quantity) where deleted_at is null;
