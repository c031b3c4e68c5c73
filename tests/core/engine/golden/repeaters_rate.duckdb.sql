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
        "t0"."year",
        "t0"."stadtteil",
        SUM("t0"."value") FILTER(WHERE
          "t0"."measure" = 'repeaters') AS "num_sum",
        COUNT(*) FILTER(WHERE
          "t0"."measure" = 'repeaters') AS "num_rows",
        COUNT(*) FILTER(WHERE
          (
            "t0"."measure" = 'repeaters'
          ) AND (
            "t0"."value" IS NULL
          )) AS "num_unknown",
        MAX(
          CASE "t0"."flag"
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
          "t0"."measure" = 'repeaters') AS "num_severity",
        SUM("t0"."value") FILTER(WHERE
          "t0"."measure" = 'pupils') AS "den_sum",
        COUNT(*) FILTER(WHERE
          "t0"."measure" = 'pupils') AS "den_rows",
        COUNT(*) FILTER(WHERE
          (
            "t0"."measure" = 'pupils'
          ) AND (
            "t0"."value" IS NULL
          )) AS "den_unknown",
        MAX(
          CASE "t0"."flag"
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
          "t0"."measure" = 'pupils') AS "den_severity"
      FROM "fact_pupils_school" AS "t0"
      GROUP BY
        1,
        2
    ) AS "t1"
  ) AS "t3"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t2"."year",
      '_T' AS "stadtteil",
      "t2"."num_sum",
      "t2"."num_rows",
      "t2"."num_unknown",
      "t2"."num_severity",
      "t2"."den_sum",
      "t2"."den_rows",
      "t2"."den_unknown",
      "t2"."den_severity"
    FROM (
      SELECT
        "t0"."year",
        SUM("t0"."value") FILTER(WHERE
          "t0"."measure" = 'repeaters') AS "num_sum",
        COUNT(*) FILTER(WHERE
          "t0"."measure" = 'repeaters') AS "num_rows",
        COUNT(*) FILTER(WHERE
          (
            "t0"."measure" = 'repeaters'
          ) AND (
            "t0"."value" IS NULL
          )) AS "num_unknown",
        MAX(
          CASE "t0"."flag"
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
          "t0"."measure" = 'repeaters') AS "num_severity",
        SUM("t0"."value") FILTER(WHERE
          "t0"."measure" = 'pupils') AS "den_sum",
        COUNT(*) FILTER(WHERE
          "t0"."measure" = 'pupils') AS "den_rows",
        COUNT(*) FILTER(WHERE
          (
            "t0"."measure" = 'pupils'
          ) AND (
            "t0"."value" IS NULL
          )) AS "den_unknown",
        MAX(
          CASE "t0"."flag"
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
          "t0"."measure" = 'pupils') AS "den_severity"
      FROM "fact_pupils_school" AS "t0"
      GROUP BY
        1
    ) AS "t2"
  ) AS "t4"
) AS "t5"
ORDER BY
  "t5"."year" ASC,
  "t5"."stadtteil" ASC
