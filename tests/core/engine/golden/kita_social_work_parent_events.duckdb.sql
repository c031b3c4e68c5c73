WITH "t1" AS (
  SELECT
    *
  FROM "fact_program_activity" AS "t0"
  WHERE
    "t0"."measure" = 'parent_events'
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t2"."year",
        "t2"."stadtteil",
        SUM("t2"."value") AS "num_sum",
        COUNT(*) AS "num_rows",
        COUNT(*) FILTER(WHERE
          "t2"."value" IS NULL) AS "num_unknown",
        MAX(
          CASE "t2"."flag"
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
      FROM "t1" AS "t2"
      GROUP BY
        1,
        2
    ) AS "t3"
  ) AS "t5"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t4"."year",
      '_T' AS "stadtteil",
      "t4"."num_sum",
      "t4"."num_rows",
      "t4"."num_unknown",
      "t4"."num_severity"
    FROM (
      SELECT
        "t2"."year",
        SUM("t2"."value") AS "num_sum",
        COUNT(*) AS "num_rows",
        COUNT(*) FILTER(WHERE
          "t2"."value" IS NULL) AS "num_unknown",
        MAX(
          CASE "t2"."flag"
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
      FROM "t1" AS "t2"
      GROUP BY
        1
    ) AS "t4"
  ) AS "t6"
) AS "t7"
ORDER BY
  "t7"."year" ASC,
  "t7"."stadtteil" ASC
