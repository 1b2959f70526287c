import { MigrationInterface, QueryRunner } from 'typeorm';

export class Credentials1795364442020 implements MigrationInterface {
  name = 'Credentials1795364442020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stored_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "media_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "original_name" character varying(255) NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stored_files_media_type" CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')), CONSTRAINT "stored_files_size" CHECK (size_bytes > 0 AND size_bytes = octet_length(bytes)), CONSTRAINT "PK_5d5be862bf53851c1794b4adf4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9f579996648ee752bcf715a88f" ON "stored_files" ("owner_id") `);
    // PDFs, JPEGs and PNGs are already compressed: store them out of line without trying again.
    await queryRunner.query(`ALTER TABLE "stored_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `CREATE TYPE "public"."training_type" AS ENUM('kokemusasiantuntija', 'kokemustoimija', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."credential_status" AS ENUM('pending', 'verified', 'rejected')`);
    await queryRunner.query(
      `CREATE TABLE "training_credentials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "expert_id" uuid NOT NULL, "type" "public"."training_type" NOT NULL, "provider" character varying(200) NOT NULL, "completed_on" date NOT NULL, "file_id" uuid NOT NULL, "status" "public"."credential_status" NOT NULL DEFAULT 'pending', "rejection_reason" character varying(500), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_fc02ab45f96e2bf027621b49ab" UNIQUE ("file_id"), CONSTRAINT "training_credentials_decided" CHECK ((status <> 'pending') = (decided_at IS NOT NULL) AND (decided_at IS NULL) = (decided_by IS NULL)), CONSTRAINT "training_credentials_reason" CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)), CONSTRAINT "PK_354848131b64139c358957e6ed7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "training_credentials_expert_status" ON "training_credentials" ("expert_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "stored_files" ADD CONSTRAINT "FK_9f579996648ee752bcf715a88f2" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_credentials" ADD CONSTRAINT "FK_2dc71c6124eabdd9317cb8e7c8a" FOREIGN KEY ("expert_id") REFERENCES "experts"("user_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_credentials" ADD CONSTRAINT "FK_fc02ab45f96e2bf027621b49abd" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_credentials" ADD CONSTRAINT "FK_bd6ec88c8e39ee2606e870929e7" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_credentials" DROP CONSTRAINT "FK_bd6ec88c8e39ee2606e870929e7"`);
    await queryRunner.query(`ALTER TABLE "training_credentials" DROP CONSTRAINT "FK_fc02ab45f96e2bf027621b49abd"`);
    await queryRunner.query(`ALTER TABLE "training_credentials" DROP CONSTRAINT "FK_2dc71c6124eabdd9317cb8e7c8a"`);
    await queryRunner.query(`ALTER TABLE "stored_files" DROP CONSTRAINT "FK_9f579996648ee752bcf715a88f2"`);
    await queryRunner.query(`DROP INDEX "public"."training_credentials_expert_status"`);
    await queryRunner.query(`DROP TABLE "training_credentials"`);
    await queryRunner.query(`DROP TYPE "public"."credential_status"`);
    await queryRunner.query(`DROP TYPE "public"."training_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f579996648ee752bcf715a88f"`);
    await queryRunner.query(`DROP TABLE "stored_files"`);
  }
}
