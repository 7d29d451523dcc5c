-- +goose Up
-- The programs of Daejeon's 2011 drive (DOMAIN.md), so a fresh database can log
-- entries at once. They are ordinary rows: rename, regroup or deactivate them.
INSERT INTO programs (code, aliases, name_ko, name_en, sector, disclosure_type, department, unit) VALUES
    ('invest', '{투자유치,기업유치,investment}', '기업 및 투자유치',
     'Business & investment attraction', 'private', 'other', '투자유치과', '개'),
    ('rail', '{철도,고속철도,고속철도변}', '고속철도변 정비사업',
     'Rail-side redevelopment', 'private', 'other', '도시재생과', '개'),
    ('youth', '{청년,청년일자리}', '청년일자리',
     'Youth jobs', 'public', 'subsidies', '일자리정책과', '개'),
    ('social', '{사회적기업,대전형일자리,사회적경제}', '사회적기업 육성(대전형일자리) 및 기반시설',
     'Social enterprise (Daejeon-type) & infrastructure', 'public', 'social-economy', '사회적경제과', '개'),
    ('vulnerable', '{취약계층,취약계층일자리}', '취약계층 일자리',
     'Jobs for vulnerable groups', 'public', 'direct', '복지정책과', '개'),
    ('senior', '{노인,노인일자리,어르신}', '노인 일자리',
     'Jobs for seniors', 'public', 'direct', '노인복지과', '개'),
    ('women', '{여성,여성일자리}', '여성 일자리',
     'Jobs for women', 'public', 'services', '여성가족과', '개'),
    ('disabled', '{장애인,장애인일자리}', '장애인 일자리',
     'Jobs for disabled people', 'public', 'supported', '장애인복지과', '개'),
    ('community', '{공동체,지역공동체,지역공동체사업}', '지역공동체사업',
     'Community projects', 'public', 'direct', '공동체지원과', '개')
-- A seed the Down below kept (it had entries) is kept as it is.
ON CONFLICT (code) DO NOTHING;

INSERT INTO program_names (name, program_id)
SELECT DISTINCT lower(btrim(n)), p.id
FROM programs p, unnest(array_append(p.aliases, p.code)) AS n
WHERE btrim(n) <> ''
ON CONFLICT (name) DO NOTHING;

-- +goose Down
-- A seeded program that entries, targets or totals refer to is the city's
-- own now and stays (deleting it would lose the ledger); the unused ones go.
-- +goose StatementBegin
DO $$
DECLARE
    seed bigint;
BEGIN
    FOR seed IN SELECT id FROM programs
                WHERE code IN ('invest', 'rail', 'youth', 'social', 'vulnerable',
                               'senior', 'women', 'disabled', 'community')
    LOOP
        BEGIN
            DELETE FROM program_names WHERE program_id = seed;
            DELETE FROM programs WHERE id = seed;
        EXCEPTION WHEN foreign_key_violation THEN
            NULL; -- in use: the subtransaction gives its names back
        END;
    END LOOP;
END $$;
-- +goose StatementEnd
