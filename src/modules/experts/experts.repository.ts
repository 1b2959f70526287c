import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExpertEntity } from './entities/expert.entity';
import { TopicEntity } from './entities/topic.entity';

@Injectable()
export class ExpertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(userId: string): Promise<ExpertEntity | null> {
    return this.dataSource.getRepository(ExpertEntity).findOne({ where: { userId }, relations: { user: true } });
  }

  findTopics(): Promise<TopicEntity[]> {
    return this.dataSource.getRepository(TopicEntity).find({ order: { code: 'ASC' } });
  }

  async unknownTopics(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT c AS code FROM unnest($1::varchar[]) AS c WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.code = c)`,
      [codes],
    );
    return rows.map((r) => r.code);
  }

  async unknownMunicipalities(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT c AS code FROM unnest($1::varchar[]) AS c WHERE NOT EXISTS (SELECT 1 FROM municipalities m WHERE m.code = c)`,
      [codes],
    );
    return rows.map((r) => r.code);
  }
}
