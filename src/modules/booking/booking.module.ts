import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { ExpertsModule } from '../experts/experts.module';
import { FeePricingModule } from '../fees/fee-pricing.module';
import { FilesModule } from '../files/files.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AssignmentCancellation } from './assignments/assignment-cancellation.service';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { BookingRequestsController } from './requests/booking-requests.controller';
import { BookingRequestsService } from './requests/booking-requests.service';
import { MatchingContextController } from './matching-context/matching-context.controller';
import { MatchingContextRepository } from './matching-context/matching-context.repository';
import { MatchingContextService } from './matching-context/matching-context.service';
import { BookingRepository } from './booking.repository';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedRepository } from './calendar/calendar-feed.repository';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { EarningsCeiling } from './offers/earnings-ceiling.service';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackRepository } from './feedback/feedback.repository';
import { FeedbackService } from './feedback/feedback.service';
import { CancellationQuoteController } from './cancellation-quote/cancellation-quote.controller';
import { CancellationQuoteService } from './cancellation-quote/cancellation-quote.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';
import { MaterialController } from './material/material.controller';
import { MaterialRepository } from './material/material.repository';
import { MaterialService } from './material/material.service';
import { MatchingRepository } from './matching/matching.repository';
import { MatchingService } from './matching/matching.service';
import { OffersController } from './offers/offers.controller';
import { OfferWithdrawal } from './offers/offer-withdrawal.service';
import { OffersService } from './offers/offers.service';
import { TimeChangesController } from './time-change/time-changes.controller';
import { TimeChangesRepository } from './time-change/time-changes.repository';
import { TimeChangesService } from './time-change/time-changes.service';

@Module({
  imports: [OrganisationsModule, ExpertsModule, ContractsModule, FeePricingModule, FilesModule],
  controllers: [
    BookingRequestsController,
    OffersController,
    AssignmentsController,
    FeedbackController,
    CalendarFeedController,
    MaterialController,
    CancellationQuoteController,
    TimelineController,
    MatchingContextController,
    TimeChangesController,
  ],
  providers: [
    BookingRepository,
    BookingRequestsService,
    MatchingRepository,
    MatchingContextRepository,
    MatchingContextService,
    MatchingService,
    OffersService,
    AssignmentsService,
    AssignmentCancellation,
    OfferWithdrawal,
    EarningsCeiling,
    FeedbackRepository,
    FeedbackService,
    CalendarFeedRepository,
    CalendarFeedService,
    MaterialService,
    MaterialRepository,
    CancellationQuoteService,
    TimelineRepository,
    TimelineService,
    TimeChangesRepository,
    TimeChangesService,
  ],
  exports: [BookingRepository, AssignmentsService],
})
export class BookingModule {}
