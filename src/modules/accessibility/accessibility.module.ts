import { Module } from '@nestjs/common';
import { AccessibilityFeedbackController } from './accessibility-feedback.controller';
import { AccessibilityFeedbackRepository } from './accessibility-feedback.repository';
import { AccessibilityFeedbackService } from './accessibility-feedback.service';

@Module({
  controllers: [AccessibilityFeedbackController],
  providers: [AccessibilityFeedbackService, AccessibilityFeedbackRepository],
})
export class AccessibilityModule {}
