-- What a round leaves for the next one is kept with the round, so that it commits with the round's
-- result: the strategy state after it, and whether (and how well) its model was validated.
ALTER TABLE experiment_round ADD COLUMN strategy_state VARCHAR(1000000);
ALTER TABLE experiment_round ADD COLUMN validated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE experiment_round ADD COLUMN validation_score DOUBLE PRECISION;

-- The state an experiment kept after its last aggregated round moves to that round.
UPDATE experiment_round SET strategy_state = (
    SELECT e.strategy_state FROM experiment e
    WHERE e.id = experiment_round.experiment_id AND e.current_model_sha256 = experiment_round.new_model_sha256)
WHERE status = 'AGGREGATED';
-- Rounds aggregated before this version were validated right after aggregation, or never will be.
UPDATE experiment_round SET validated_at = closed_at WHERE status = 'AGGREGATED';

-- The current model and strategy state are now read from the last aggregated round.
ALTER TABLE experiment DROP COLUMN current_model_sha256;
ALTER TABLE experiment DROP COLUMN strategy_state;
