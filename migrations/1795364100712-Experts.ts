import { MigrationInterface, QueryRunner } from 'typeorm';

export class Experts1795364100712 implements MigrationInterface {
  name = 'Experts1795364100712';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "topics" ("code" character varying(40) NOT NULL, "name_fi" character varying(100) NOT NULL, "name_sv" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, CONSTRAINT "PK_928bc2d3805e0e6a7519f57ba00" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."expert_status" AS ENUM('applicant', 'active', 'paused', 'retired', 'anonymised')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."task_type" AS ENUM('working_group', 'evaluation', 'staff_meeting_training', 'lecture', 'workshop_event', 'client_session', 'professional_pair')`,
    );
    await queryRunner.query(
      `CREATE TABLE "experts" ("user_id" uuid NOT NULL, "status" "public"."expert_status" NOT NULL DEFAULT 'applicant', "phone" character varying(40), "home_municipality" character(3), "travel_municipalities" character(3) array NOT NULL DEFAULT '{}', "works_remotely" boolean NOT NULL DEFAULT false, "languages" character varying(3) array NOT NULL DEFAULT '{}', "task_types" "public"."task_type" array NOT NULL DEFAULT '{}', "topics" character varying(40) array NOT NULL DEFAULT '{}', "topics_consent_at" TIMESTAMP WITH TIME ZONE, "topics_consent_version" character varying(20), "intro_fi" character varying(2000), "intro_sv" character varying(2000), "max_per_week" smallint, "max_per_month" smallint, "yearly_earnings_ceiling_cents" integer, "activated_at" TIMESTAMP WITH TIME ZONE, "erasure_requested_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "experts_ceiling" CHECK (yearly_earnings_ceiling_cents > 0), CONSTRAINT "experts_load_caps" CHECK (max_per_week BETWEEN 1 AND 50 AND max_per_month BETWEEN 1 AND 200), CONSTRAINT "PK_2d75ec7643bb01369a822688468" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."payee" AS ENUM('expert', 'association')`);
    await queryRunner.query(
      `CREATE TABLE "expert_payment_details" ("expert_id" uuid NOT NULL, "iban_encrypted" text, "iban_masked" character varying(50), "identity_code_encrypted" text, "identity_code_masked" character varying(20), "identity_code_hash" character(64), "date_of_birth" date, "tax_percent" numeric(5,2), "tax_card_year" smallint, "payee" "public"."payee" NOT NULL DEFAULT 'expert', "declines_fee" boolean NOT NULL DEFAULT false, "association_name" character varying(200), "association_business_id" character varying(9), "association_iban_encrypted" text, "association_iban_masked" character varying(50), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b91de05d567476793317650a470" UNIQUE ("identity_code_hash"), CONSTRAINT "payment_details_tax" CHECK (tax_percent IS NULL OR (tax_percent >= 0 AND tax_percent <= 100 AND tax_card_year IS NOT NULL)), CONSTRAINT "payment_details_association" CHECK ((payee = 'association') = (association_name IS NOT NULL AND association_business_id IS NOT NULL AND association_iban_encrypted IS NOT NULL)), CONSTRAINT "PK_e76ba976327da4278fc24ac45cf" PRIMARY KEY ("expert_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "experts" ADD CONSTRAINT "FK_2d75ec7643bb01369a822688468" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_payment_details" ADD CONSTRAINT "FK_e76ba976327da4278fc24ac45cf" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The controlled vocabulary of lived-experience topics (coarse on purpose: no diagnoses).
    await queryRunner.query(`INSERT INTO "topics" ("code", "name_fi", "name_sv", "name_en") VALUES
            ('mental_health', 'Mielenterveys', 'Psykisk hälsa', 'Mental health'),
            ('substance_use', 'Päihteet', 'Missbruk', 'Substance use'),
            ('disability', 'Vammaisuus', 'Funktionsnedsättning', 'Disability'),
            ('long_term_illness', 'Pitkäaikaissairaus', 'Långvarig sjukdom', 'Long-term illness'),
            ('neurodivergence', 'Neuromoninaisuus', 'Neurodivergens', 'Neurodivergence'),
            ('child_welfare', 'Lastensuojelu', 'Barnskydd', 'Child welfare'),
            ('family_carer', 'Omaishoito', 'Närståendevård', 'Family carer'),
            ('ageing', 'Ikääntyminen', 'Åldrande', 'Ageing'),
            ('homelessness', 'Asunnottomuus', 'Hemlöshet', 'Homelessness'),
            ('violence', 'Lähisuhdeväkivalta', 'Våld i nära relationer', 'Domestic violence'),
            ('bereavement', 'Läheisen menetys', 'Att mista en närstående', 'Bereavement'),
            ('migration', 'Maahanmuutto', 'Invandring', 'Migration'),
            ('unemployment', 'Työttömyys', 'Arbetslöshet', 'Unemployment')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expert_payment_details" DROP CONSTRAINT "FK_e76ba976327da4278fc24ac45cf"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP CONSTRAINT "FK_2d75ec7643bb01369a822688468"`);
    await queryRunner.query(`DROP TABLE "expert_payment_details"`);
    await queryRunner.query(`DROP TYPE "public"."payee"`);
    await queryRunner.query(`DROP TABLE "experts"`);
    await queryRunner.query(`DROP TYPE "public"."task_type"`);
    await queryRunner.query(`DROP TYPE "public"."expert_status"`);
    await queryRunner.query(`DROP TABLE "topics"`);
  }
}
