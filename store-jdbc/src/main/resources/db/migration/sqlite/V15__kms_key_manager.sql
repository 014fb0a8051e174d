-- AWS managed keys (alias/aws/s3) live beside customer managed ones; existing keys are the customer's.
ALTER TABLE kms_keys ADD COLUMN key_manager TEXT NOT NULL DEFAULT 'CUSTOMER' CHECK (key_manager IN ('CUSTOMER', 'AWS'));
