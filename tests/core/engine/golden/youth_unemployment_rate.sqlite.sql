SELECT
  *
FROM (
  SELECT
    "t1"."year",
    SUM("t1"."value") AS "num_sum",
    COUNT(*) AS "num_rows",
    COUNT(*) FILTER(WHERE
      "t1"."value" IS NULL) AS "num_unknown",
    MAX(
      CASE "t1"."flag"
        WHEN '.'
        THEN 10
        WHEN 'x'
        THEN 9
        WHEN '/'
        THEN 8
        WHEN '...'
        THEN 7
        WHEN '()'
        THEN 6
        WHEN 's'
        THEN 5
        WHEN 'p'
        THEN 4
        WHEN 'r'
        THEN 3
        WHEN '0'
        THEN 2
        WHEN 'e'
        THEN 1
        ELSE 0
      END
    ) AS "num_severity"
  FROM (
    SELECT
      *
    FROM "fact_labour_market_kreis" AS "t0"
    WHERE
      "t0"."personengruppe" IN ('15_25') AND "t0"."measure" = 'unemployment_rate'
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
ORDER BY
  "t2"."year" ASC NULLS LAST
