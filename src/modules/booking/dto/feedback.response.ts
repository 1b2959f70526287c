import { ApiProperty } from '@nestjs/swagger';
import { FeedbackAuthor, FeedbackEntity } from '../entities/feedback.entity';

export class FeedbackResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ enum: FeedbackAuthor, enumName: 'FeedbackAuthor', description: 'Which side wrote it' })
  author: FeedbackAuthor;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toFeedbackResponse(f: FeedbackEntity): FeedbackResponse {
  return {
    assignmentId: f.assignmentId,
    author: f.author,
    rating: f.rating,
    comment: f.comment,
    createdAt: f.createdAt.toISOString(),
  };
}
