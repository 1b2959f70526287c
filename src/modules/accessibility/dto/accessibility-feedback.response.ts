import { ApiProperty } from '@nestjs/swagger';
import { Language } from '../../../common/i18n/language';
import { AccessibilityFeedbackEntity } from '../entities/accessibility-feedback.entity';

export class AccessibilityFeedbackResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) page: string | null;
  @ApiProperty({ enum: Language, enumName: 'Language', nullable: true }) language: Language | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AccessibilityFeedbackPageResponse {
  @ApiProperty({ type: [AccessibilityFeedbackResponse] }) items: AccessibilityFeedbackResponse[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export function toAccessibilityFeedbackResponse(row: AccessibilityFeedbackEntity): AccessibilityFeedbackResponse {
  return {
    id: row.id,
    message: row.message,
    email: row.email,
    name: row.name,
    page: row.page,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
  };
}
