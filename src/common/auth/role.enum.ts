export enum Role {
  Orderer = 'orderer',
  Expert = 'expert',
  Coordinator = 'coordinator',
  Admin = 'admin',
}
