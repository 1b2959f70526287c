import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessibilityFeedbackEntity } from './entities/accessibility-feedback.entity';

@Injectable()
export class AccessibilityFeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(
    manager: EntityManager,
    feedback: Pick<AccessibilityFeedbackEntity, 'message' | 'email' | 'name' | 'page' | 'language'>,
  ): Promise<AccessibilityFeedbackEntity> {
    return manager.save(AccessibilityFeedbackEntity, feedback);
  }

  findNewestFirst(limit: number, offset: number): Promise<[AccessibilityFeedbackEntity[], number]> {
    return this.dataSource
      .getRepository(AccessibilityFeedbackEntity)
      .findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }
}
