import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FeedbackAuthor, FeedbackEntity } from '../entities/feedback.entity';

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // The primary key (assignment, side) refuses a second one, however many arrive at once.
  // A plain INSERT, never save(): save() would quietly overwrite the side's earlier feedback.
  async insert(
    manager: EntityManager,
    row: Pick<FeedbackEntity, 'assignmentId' | 'author' | 'authorId' | 'rating' | 'comment'>,
  ): Promise<FeedbackEntity> {
    await manager.insert(FeedbackEntity, row);
    return manager.findOneByOrFail(FeedbackEntity, { assignmentId: row.assignmentId, author: row.author });
  }

  findSides(assignmentId: string, sides: FeedbackAuthor[]): Promise<FeedbackEntity[]> {
    return this.dataSource
      .getRepository(FeedbackEntity)
      .find({ where: { assignmentId, author: In(sides) }, order: { author: 'ASC' } });
  }
}
