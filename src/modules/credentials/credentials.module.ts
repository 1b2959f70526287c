import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { CredentialsController } from './credentials.controller';
import { CredentialsRepository } from './credentials.repository';
import { CredentialsService } from './credentials.service';

@Module({
  imports: [FilesModule],
  controllers: [CredentialsController],
  providers: [CredentialsService, CredentialsRepository],
  // The experts feature activates an expert only with a verified credential: hasVerifiedCredential().
  exports: [CredentialsRepository],
})
export class CredentialsModule {}
