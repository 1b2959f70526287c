import { Module } from '@nestjs/common';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';

@Module({
  providers: [FilesService, FilesRepository],
  exports: [FilesService],
})
export class FilesModule {}
