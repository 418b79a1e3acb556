-- CreateTable
CREATE TABLE "UnitName" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitName_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitName_unitId_validTo_name_key" ON "UnitName"("unitId", "validTo", "name");

-- AddForeignKey
ALTER TABLE "UnitName" ADD CONSTRAINT "UnitName_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data migration: the civil-judgment system's names from 1 July 2025 (Quyết định 1898/QĐ-BTP of
-- 25 June 2025). The Tổng cục Thi hành án dân sự is the Cục Quản lý Thi hành án dân sự, each
-- provincial Cục Thi hành án dân sự is "Thi hành án dân sự tỉnh/thành phố …". Codes, types and
-- reporting lines are unchanged. Each old name goes into "UnitName", in use until 30 June 2025.
-- Only the names the default install gave (or the same with "tỉnh"/"thành phố" spelled out) of
-- the 34 provinces after the July 2025 merger are renamed: a unit an operator named otherwise
-- keeps its name, and one still named after a merged province waits for its merger. Running it
-- again changes nothing (the new names no longer match).
WITH province(place, kind, full_name) AS (VALUES
  ('Hà Nội', 'thành phố', 'thành phố Hà Nội'),
  ('Hồ Chí Minh', 'thành phố', 'Thành phố Hồ Chí Minh'),
  ('Hải Phòng', 'thành phố', 'thành phố Hải Phòng'),
  ('Đà Nẵng', 'thành phố', 'thành phố Đà Nẵng'),
  ('Cần Thơ', 'thành phố', 'thành phố Cần Thơ'),
  ('An Giang', 'tỉnh', 'tỉnh An Giang'),
  ('Bắc Ninh', 'tỉnh', 'tỉnh Bắc Ninh'),
  ('Thái Nguyên', 'tỉnh', 'tỉnh Thái Nguyên'),
  ('Cà Mau', 'tỉnh', 'tỉnh Cà Mau'),
  ('Vĩnh Long', 'tỉnh', 'tỉnh Vĩnh Long'),
  ('Gia Lai', 'tỉnh', 'tỉnh Gia Lai'),
  ('Đồng Nai', 'tỉnh', 'tỉnh Đồng Nai'),
  ('Lâm Đồng', 'tỉnh', 'tỉnh Lâm Đồng'),
  ('Cao Bằng', 'tỉnh', 'tỉnh Cao Bằng'),
  ('Đắk Lắk', 'tỉnh', 'tỉnh Đắk Lắk'),
  ('Điện Biên', 'tỉnh', 'tỉnh Điện Biên'),
  ('Đồng Tháp', 'tỉnh', 'tỉnh Đồng Tháp'),
  ('Tuyên Quang', 'tỉnh', 'tỉnh Tuyên Quang'),
  ('Ninh Bình', 'tỉnh', 'tỉnh Ninh Bình'),
  ('Hà Tĩnh', 'tỉnh', 'tỉnh Hà Tĩnh'),
  ('Phú Thọ', 'tỉnh', 'tỉnh Phú Thọ'),
  ('Hưng Yên', 'tỉnh', 'tỉnh Hưng Yên'),
  ('Khánh Hòa', 'tỉnh', 'tỉnh Khánh Hòa'),
  ('Quảng Ngãi', 'tỉnh', 'tỉnh Quảng Ngãi'),
  ('Lai Châu', 'tỉnh', 'tỉnh Lai Châu'),
  ('Lạng Sơn', 'tỉnh', 'tỉnh Lạng Sơn'),
  ('Lào Cai', 'tỉnh', 'tỉnh Lào Cai'),
  ('Tây Ninh', 'tỉnh', 'tỉnh Tây Ninh'),
  ('Nghệ An', 'tỉnh', 'tỉnh Nghệ An'),
  ('Quảng Trị', 'tỉnh', 'tỉnh Quảng Trị'),
  ('Quảng Ninh', 'tỉnh', 'tỉnh Quảng Ninh'),
  ('Sơn La', 'tỉnh', 'tỉnh Sơn La'),
  ('Thanh Hóa', 'tỉnh', 'tỉnh Thanh Hóa'),
  ('Huế', 'thành phố', 'thành phố Huế')
),
plan(id, code, old_name, new_name, new_en) AS (
  SELECT u."id", u."code", u."name", 'Cục Quản lý Thi hành án dân sự',
         CASE WHEN u."nameEn" = 'General Department of Civil Judgment Enforcement'
              THEN 'Department of Civil Judgment Enforcement Management' ELSE u."nameEn" END
    FROM "Unit" u
   WHERE u."typeCode" = 'TONG_CUC_THADS' AND u."name" = 'Tổng cục Thi hành án dân sự'
  UNION ALL
  SELECT u."id", u."code", u."name", 'Thi hành án dân sự ' || p.full_name,
         replace(u."nameEn", ' Civil Judgment Enforcement Department', ' Civil Judgment Enforcement Office')
    FROM "Unit" u
    JOIN province p
      ON lower(u."name") IN (lower('Cục Thi hành án dân sự ' || p.place),
                             lower('Cục Thi hành án dân sự ' || p.full_name),
                             lower('Cục Thi hành án dân sự ' || p.kind || ' ' || p.place))
   WHERE u."typeCode" = 'CUC_THADS'
  UNION ALL
  SELECT u."id", u."code", u."name", c.new_name,
         replace(u."nameEn", 'Civil Judgment Enforcement Departments', 'Civil Judgment Enforcement offices')
    FROM "Unit" u
    JOIN (VALUES
      ('CUM_THADS_1', 'Cụm thi đua số 1 – các Cục Thi hành án dân sự miền Bắc',
                      'Cụm thi đua số 1 – Thi hành án dân sự các tỉnh, thành phố miền Bắc'),
      ('CUM_THADS_2', 'Cụm thi đua số 2 – các Cục Thi hành án dân sự miền Trung và Tây Nguyên',
                      'Cụm thi đua số 2 – Thi hành án dân sự các tỉnh, thành phố miền Trung và Tây Nguyên'),
      ('CUM_THADS_3', 'Cụm thi đua số 3 – các Cục Thi hành án dân sự miền Nam',
                      'Cụm thi đua số 3 – Thi hành án dân sự các tỉnh, thành phố miền Nam')
    ) c(code, old_name, new_name) ON u."code" = c.code AND u."name" = c.old_name
   WHERE u."typeCode" = 'CLUSTER'
),
renamed AS (
  UPDATE "Unit" u
     SET "name" = plan.new_name, "nameEn" = plan.new_en, "updatedAt" = CURRENT_TIMESTAMP
    FROM plan
   WHERE u."id" = plan.id AND u."name" = plan.old_name
  RETURNING u."id", plan.code, plan.old_name
),
history AS (
  INSERT INTO "UnitName" ("unitId", "name", "validTo", "source")
  SELECT renamed.id, renamed.old_name, DATE '2025-06-30', 'QĐ 1898/QĐ-BTP'
    FROM renamed
  ON CONFLICT DO NOTHING
  RETURNING "unitId"
)
INSERT INTO "AuditLog" ("actor", "action", "entity", "data")
SELECT 'migration', 'units.rename', 'Unit',
       jsonb_build_object('source', 'QĐ 1898/QĐ-BTP', 'validTo', '2025-06-30',
                          'codes', jsonb_agg(renamed.code ORDER BY renamed.code),
                          'history', (SELECT count(*) FROM history))
  FROM renamed
HAVING count(*) > 0;

-- The unit types' labels people read in sentences ("2/34 THADS tỉnh đã gửi"), each where it is
-- still the default install's. The type codes stay.
UPDATE "UnitType" t SET
  "nameVi"   = CASE WHEN t."nameVi" = v.old_name_vi THEN v.name_vi ELSE t."nameVi" END,
  "nameEn"   = CASE WHEN t."nameEn" = v.old_name_en THEN v.name_en ELSE t."nameEn" END,
  "pluralVi" = CASE WHEN t."pluralVi" = v.old_plural_vi THEN v.plural_vi ELSE t."pluralVi" END,
  "pluralEn" = CASE WHEN t."pluralEn" = v.old_plural_en THEN v.plural_en ELSE t."pluralEn" END
FROM (VALUES
  ('CUC_THADS',
   'Cục Thi hành án dân sự', 'Thi hành án dân sự tỉnh, thành phố',
   'Provincial Civil Judgment Enforcement Department', 'Provincial Civil Judgment Enforcement Office',
   'Cục THADS', 'THADS tỉnh',
   'provincial Civil Judgment Enforcement Departments', 'provincial Civil Judgment Enforcement offices'),
  ('TONG_CUC_THADS',
   'Tổng cục Thi hành án dân sự', 'Cục Quản lý Thi hành án dân sự',
   'General Department of Civil Judgment Enforcement', 'Department of Civil Judgment Enforcement Management',
   'Tổng cục THADS', 'Cục Quản lý THADS',
   'General Departments of Civil Judgment Enforcement', 'Departments of Civil Judgment Enforcement Management')
) v(code, old_name_vi, name_vi, old_name_en, name_en, old_plural_vi, plural_vi, old_plural_en, plural_en)
WHERE t."code" = v.code;
