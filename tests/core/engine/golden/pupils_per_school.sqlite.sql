SELECT
  *
FROM (
  SELECT
    "t1"."year",
    SUM("t1"."value") FILTER(WHERE
      "t1"."measure" = 'pupils') AS "num_sum",
    COUNT(*) FILTER(WHERE
      "t1"."measure" = 'pupils') AS "num_rows",
    COUNT(*) FILTER(WHERE
      (
        "t1"."measure" = 'pupils'
      ) AND (
        "t1"."value" IS NULL
      )) AS "num_unknown",
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
    ) FILTER(WHERE
      "t1"."measure" = 'pupils') AS "num_severity",
    SUM("t1"."value") FILTER(WHERE
      "t1"."measure" = 'schools') AS "den_sum",
    COUNT(*) FILTER(WHERE
      "t1"."measure" = 'schools') AS "den_rows",
    COUNT(*) FILTER(WHERE
      (
        "t1"."measure" = 'schools'
      ) AND (
        "t1"."value" IS NULL
      )) AS "den_unknown",
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
    ) FILTER(WHERE
      "t1"."measure" = 'schools') AS "den_severity"
  FROM (
    SELECT
      *
    FROM "fact_pupils_kreis" AS "t0"
    WHERE
      "t0"."geschlecht" IN ('_T')
      AND "t0"."klassenstufe" IN ('_T')
      AND "t0"."schulart" IN ('_T')
      AND "t0"."staatsangehoerigkeit" IN ('_T')
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
ORDER BY
  "t2"."year" ASC NULLS LAST
