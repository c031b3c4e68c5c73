WITH "t2" AS (
  SELECT
    *
  FROM "fact_program_activity" AS "t0"
  WHERE
    "t0"."measure" = 'families_counselled'
), "t3" AS (
  SELECT
    *
  FROM "fact_sgb2_stadtteil" AS "t1"
  WHERE
    "t1"."altersgruppe" IN ('0_3', '3_6') AND "t1"."measure" = 'sgb2_recipients'
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
        COALESCE("t10"."year", "t14"."year__den") AS "year",
        COALESCE("t10"."stadtteil", "t14"."stadtteil__den") AS "stadtteil",
        "t10"."num_sum",
        "t10"."num_rows",
        "t10"."num_unknown",
        "t10"."num_severity",
        "t14"."den_sum",
        "t14"."den_rows",
        "t14"."den_unknown",
        "t14"."den_severity"
      FROM (
        SELECT
          "t4"."year",
          "t4"."stadtteil",
          SUM("t4"."value") AS "num_sum",
          COUNT(*) AS "num_rows",
          COUNT(*) FILTER(WHERE
            "t4"."value" IS NULL) AS "num_unknown",
          MAX(
            CASE "t4"."flag"
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
        FROM "t2" AS "t4"
        GROUP BY
          1,
          2
      ) AS "t10"
      FULL OUTER JOIN (
        SELECT
          "t8"."year" AS "year__den",
          "t8"."stadtteil" AS "stadtteil__den",
          "t8"."den_sum",
          "t8"."den_rows",
          "t8"."den_unknown",
          "t8"."den_severity"
        FROM (
          SELECT
            "t5"."year",
            "t5"."stadtteil",
            SUM("t5"."value") AS "den_sum",
            COUNT(*) AS "den_rows",
            COUNT(*) FILTER(WHERE
              "t5"."value" IS NULL) AS "den_unknown",
            MAX(
              CASE "t5"."flag"
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
            ) AS "den_severity"
          FROM "t3" AS "t5"
          GROUP BY
            1,
            2
        ) AS "t8"
      ) AS "t14"
        ON "t10"."year" = "t14"."year__den" AND "t10"."stadtteil" = "t14"."stadtteil__den"
    ) AS "t16"
  ) AS "t18"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t17"."year",
      '_T' AS "stadtteil",
      "t17"."num_sum",
      "t17"."num_rows",
      "t17"."num_unknown",
      "t17"."num_severity",
      "t17"."den_sum",
      "t17"."den_rows",
      "t17"."den_unknown",
      "t17"."den_severity"
    FROM (
      SELECT
        COALESCE("t11"."year", "t15"."year__den") AS "year",
        "t11"."num_sum",
        "t11"."num_rows",
        "t11"."num_unknown",
        "t11"."num_severity",
        "t15"."den_sum",
        "t15"."den_rows",
        "t15"."den_unknown",
        "t15"."den_severity"
      FROM (
        SELECT
          "t4"."year",
          SUM("t4"."value") AS "num_sum",
          COUNT(*) AS "num_rows",
          COUNT(*) FILTER(WHERE
            "t4"."value" IS NULL) AS "num_unknown",
          MAX(
            CASE "t4"."flag"
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
        FROM "t2" AS "t4"
        GROUP BY
          1
      ) AS "t11"
      FULL OUTER JOIN (
        SELECT
          "t9"."year" AS "year__den",
          "t9"."den_sum",
          "t9"."den_rows",
          "t9"."den_unknown",
          "t9"."den_severity"
        FROM (
          SELECT
            "t5"."year",
            SUM("t5"."value") AS "den_sum",
            COUNT(*) AS "den_rows",
            COUNT(*) FILTER(WHERE
              "t5"."value" IS NULL) AS "den_unknown",
            MAX(
              CASE "t5"."flag"
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
            ) AS "den_severity"
          FROM "t3" AS "t5"
          GROUP BY
            1
        ) AS "t9"
      ) AS "t15"
        ON "t11"."year" = "t15"."year__den"
    ) AS "t17"
  ) AS "t19"
) AS "t20"
ORDER BY
  "t20"."year" ASC NULLS LAST,
  "t20"."stadtteil" ASC NULLS LAST
