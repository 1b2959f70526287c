import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { ExpertsModule } from '../experts/experts.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AssignmentCancellation } from './assignment-cancellation';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { BookingRequestsController } from './booking-requests.controller';
import { BookingRequestsService } from './booking-requests.service';
import { BookingRepository } from './booking.repository';
import { EarningsGuard } from './earnings-guard';
import { MatchingRepository } from './matching.repository';
import { MatchingService } from './matching.service';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [OrganisationsModule, ExpertsModule, ContractsModule],
  controllers: [BookingRequestsController, OffersController, AssignmentsController],
  providers: [
    BookingRepository,
    BookingRequestsService,
    MatchingRepository,
    MatchingService,
    OffersService,
    AssignmentsService,
    AssignmentCancellation,
    EarningsGuard,
  ],
  exports: [BookingRepository, AssignmentsService],
})
export class BookingModule {}
